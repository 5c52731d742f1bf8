# sys.exit() inside try/finally: the finally block runs, then exit status 0.
# SystemExit is not caught by `except Exception`.
import sys


def main():
    try:
        print("in try")
        sys.exit()
    except Exception:
        print("not reached: SystemExit is not an Exception")
    finally:
        print("finally runs")
    print("not reached either")


main()
