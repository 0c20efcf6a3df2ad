-- Game-wide constants. Planted habit: this module has no final `return`; it assigns the
-- global GameConstants, and includers read the global after requiring it.
GameConstants = GameConstants or {}

GameConstants.MAX_PARTY_SIZE = 6
GameConstants.MAX_LEVEL = 100
GameConstants.MIN_LEVEL = 1
GameConstants.MAX_MOVES = 4
GameConstants.MAX_IV = 31
GameConstants.MAX_EV = 252
GameConstants.MAX_EV_TOTAL = 510
GameConstants.STAB_MULTIPLIER = 1.5
GameConstants.CRIT_MULTIPLIER = 1.5
GameConstants.MIN_DAMAGE_ROLL = 85
GameConstants.MAX_DAMAGE_ROLL = 100
GameConstants.MAX_STAT_STAGE = 6
GameConstants.MAX_STACK = 99
GameConstants.START_MONEY = 3000
GameConstants.SELL_DIVISOR = 2
GameConstants.SHAKE_CHECKS = 4
GameConstants.MAX_TURNS = 200
GameConstants.FLEE_BASE = 128
GameConstants.SLEEP_MIN_TURNS = 1
GameConstants.SLEEP_MAX_TURNS = 3
GameConstants.FREEZE_THAW_CHANCE = 20
GameConstants.PARALYSIS_SKIP_CHANCE = 25
