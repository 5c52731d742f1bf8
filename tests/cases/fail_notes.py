# An exception with notes: each note is printed after the message.

def load(record):
    try:
        return int(record["size"])
    except ValueError as e:
        e.add_note(f"while loading record {record['id']}")
        e.add_note("hint: size must be a whole number")
        raise


print(load({"id": 1, "size": "12"}))
print(load({"id": 2, "size": "1.5"}))
