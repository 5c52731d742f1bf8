very_long_variable_name_number_one = very_long_variable_name_number_two = very_long_variable_name_number_three = 12345
result = very_long_variable_name_number_one + very_long_variable_name_number_two + very_long_variable_name_number_three + very_long_variable_name_number_one
é = "naïve"; ü = é + "ö"
x = (1,
   2,



   3)
y = print(x,
          x,
          x)
z = [é
     for é in ü]
w = "\u00e9" + \
    "x"
call = print(
    result
)
