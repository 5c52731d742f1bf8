# mode: single
x = f(1) or [i for i in y]
