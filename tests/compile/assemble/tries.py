try:
    x = 1
except ValueError:
    x = 2
except (TypeError, KeyError) as e:
    x = 3
    print(e)
except:
    x = 4
else:
    x = 5
finally:
    print("finally")
try:
    pass
finally:
    x = 6
try:
    raise ValueError("x")
except ValueError as err:
    print(err)
try:
    try:
        x = 1 / 0
    except ZeroDivisionError:
        raise
except Exception:
    pass
for i in range(3):
    try:
        if i:
            continue
        break
    finally:
        print(i)
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError as eg:
    print(eg)
except* TypeError:
    pass
while True:
    try:
        break
    except Exception:
        continue
try:
    x = 1
except Exception as e:
    del e
raise SystemExit from None
