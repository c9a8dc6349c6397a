"""The encrypted store. The threads that may use it at once are counted here, where a face can
read them without loading the database drivers (the first window shows before they load)."""

# Who holds a connection at the same time: the faces' reading threads, the one writing thread,
# and the thread that drives them (the GUI's, the CLI's). The pool holds one for each, so no
# thread waits for another's connection (a fourth reader of a smaller pool waited 30 s, failed).
PARALLEL_READS = 4
POOL_USERS = PARALLEL_READS + 2
