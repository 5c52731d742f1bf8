# Markers under lines with wide and multi-byte characters, tabs, and a very
# long line; and source lines abbreviated as "...<N lines>...".

errors = []


def catch(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        errors.append(e)


def wide(table):
    return table["日本語"] + table["café"]


def accents(données):
    return données["clé"] / 0


def emoji(x):
    return "🐍🐍" + x


def tabs(a, b):
	if a:
		return a - b


def mixed_tabs(a):
	return [a,
	        a][a]


def very_long(values):
    return values["alpha"] + values["beta"] + values["gamma"] + values["delta"] + values["epsilon"] + values["zeta"] + values["eta"] + values["theta"] + values["iota"] + values["kappa"] + values["lambda"] + values["mu"] + None


def abbreviated(a, b):
    return (
        a
        +
        0
        +
        0
        +
        0
        +
        0
        +
        0
        +
        b
    )


def wide_call(f):
    return f("日本", "語") + 1


catch(wide, {"日本語": "x", "café": 1})
catch(accents, {"clé": 1})
catch(emoji, 1)
catch(tabs, 1, "b")
catch(mixed_tabs, 5)
v = {k: 1 for k in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]}
catch(very_long, v)
catch(abbreviated, 1, None)
catch(wide_call, len)

for i in range(1, len(errors)):
    errors[i].__context__ = errors[i - 1]
raise errors[-1]
