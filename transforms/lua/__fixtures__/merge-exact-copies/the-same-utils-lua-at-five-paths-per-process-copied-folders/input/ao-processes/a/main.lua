local utils = require("a.lib.utils")
return utils.copy({})
