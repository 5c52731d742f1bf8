# AttributeError on None (the classic forgotten return value).

def lookup(table, key):
    if key in table:
        return table[key]


config = {"name": "pyrs"}
print(lookup(config, "name").upper())
print(lookup(config, "version").upper())
