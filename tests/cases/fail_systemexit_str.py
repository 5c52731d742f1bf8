# raise SystemExit("bye"): the message goes to stderr, exit status 1.

print("exiting with a message")
raise SystemExit("bye")
