local utils = require("d.lib.utils")
return utils.copy({})
