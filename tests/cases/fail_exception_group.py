# An uncaught ExceptionGroup: the nested, boxed traceback format.

def validate(values):
    errors = []
    for i, v in enumerate(values):
        if not isinstance(v, int):
            errors.append(TypeError(f"item {i} is {type(v).__name__}"))
        elif v < 0:
            errors.append(ValueError(f"item {i} is negative"))
    if errors:
        raise ExceptionGroup("invalid values", errors)


validate([1, 2])
validate([1, "x", -3])
