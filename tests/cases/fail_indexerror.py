# Uncaught IndexError from a nested subscript.

grid = [[1, 2, 3], [4, 5, 6]]
row, col = 1, 3
print(grid[0][2])
print(grid[row][col])
