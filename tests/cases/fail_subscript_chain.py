# A failing subscript in a chain: carets mark the failing subscript only.

data = {"users": [{"name": "a", "tags": ["x"]}, {"name": "b", "tags": []}]}
print(data["users"][0]["tags"][0])
print(data["users"][1]["tags"][0])
