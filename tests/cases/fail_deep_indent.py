# A failing expression in a deeply indented block.

def search(matrix, target):
    for row in matrix:
        if row:
            for value in row:
                if value is not None:
                    while True:
                        if value > 0:
                            try:
                                ratio = target // (value - value)
                            finally:
                                print("checked", value)
                            return ratio
                        break


search([[None], [], [2]], 10)
