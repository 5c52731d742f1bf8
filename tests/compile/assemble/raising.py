import sys
def check():
    pass
try:
    check()
except (ValueError, TypeError) as exc:
    raise RuntimeError("wrapped") from exc
except KeyError:
    raise
try:
    try:
        check()
    finally:
        check()
except Exception:
    check()
finally:
    check()
for i in range(3):
    try:
        check()
    except Exception:
        break
    else:
        continue
    finally:
        check()
try:
    check()
except* (ValueError, TypeError) as eg:
    print(eg.exceptions)
else:
    pass
finally:
    pass
with open(__file__) as f:
    try:
        f.read()
    except OSError:
        pass
assert sys, ("message", 1)
assert False
