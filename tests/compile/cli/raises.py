def inner(d):
    return d["missing"]

inner({})
