# An exception raised in a finally block while another is propagating: the
# first becomes the __context__ of the second.

def work():
    try:
        raise ValueError("original problem")
    finally:
        print("cleaning up")
        undefined_cleanup_function()


work()
