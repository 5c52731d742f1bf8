# "Did you mean" for an ImportError with name_from (as `from module import
# name` raises it): names starting with "_" are only suggested for a name
# that starts with "_"; a module that is not imported gives no suggestion.
# (`from ... import` itself is outside the first milestone, so the errors are
# made by hand.)

links = [
    ImportError("cannot import name 'exitt'", name="sys", name_from="exitt"),
    ImportError("cannot import name '__nam__'", name="sys", name_from="__nam__"),
    ImportError("cannot import name 'name'", name="sys", name_from="name"),
    ImportError("not imported", name="nosuchmodule", name_from="x"),
    ImportError("name_from is not a str", name="sys", name_from=5),
    ImportError("no name_from", name="sys"),
]
for i in range(1, len(links)):
    links[i].__context__ = links[i - 1]
raise links[-1]
