# An exception raised `from` another: both tracebacks, joined by "The above
# exception was the direct cause of the following exception:".

def parse_port(text):
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError(f"invalid port {text!r}") from exc


print(parse_port("8080"))
print(parse_port("80a"))
