-- no return at all
TableUtils = {}
