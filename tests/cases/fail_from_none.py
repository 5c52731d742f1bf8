# `raise ... from None` hides the context: only one traceback is shown.

def get_setting(settings, name):
    try:
        return settings[name]
    except KeyError:
        raise ValueError(f"missing setting: {name}") from None


print(get_setting({"a": 1}, "a"))
get_setting({"a": 1}, "b")
