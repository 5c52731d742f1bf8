# Exception types made with type(name, bases, dict): module-qualified names,
# __qualname__, a non-str __module__, str() that fails, notes whose str()
# fails, a failing __notes__, and suggestions that look at `self`.

links = []


def fails(self):
    return 1 / 0


def keep(exc):
    links.append(exc)


ParseError = type("ParseError", (ValueError,), {"__module__": "config.errors"})
Inner = type("Inner", (Exception,), {"__module__": "__main__", "__qualname__": "Parser.Inner"})
Odd = type("Odd", (Exception,), {"__module__": None})
BadStr = type("BadStr", (Exception,), {"__str__": fails})
BadNote = type("BadNote", (), {"__str__": fails})
BadNotes = type("BadNotes", (Exception,), {"__notes__": property(fails)})
BadRepr = type("BadRepr", (), {"__repr__": fails})
Point = type("Point", (), {"x": 1, "_secret": 2})

keep(ParseError("bad value"))
keep(Inner("nested name"))
keep(Odd("module is None"))
keep(BadStr("never shown"))
e = KeyError("notes")
e.add_note("fine")
e.__notes__.append(BadNote())
keep(e)
keep(BadNotes("notes raise"))
e = LookupError("notes repr")
e.__notes__ = BadRepr()
keep(e)


def method(self):
    return x


def private(self):
    return self.secret


def other(p):
    return p.secret


for f in [method, private, other]:
    try:
        f(Point())
    except Exception as exc:
        keep(exc)

for i in range(1, len(links)):
    links[i].__context__ = links[i - 1]
raise links[-1]
