-- Requests to peer processes: correlation id, tracking, ao.send; and matching replies.
local correlator = require("game-logic.process-coordination.message-correlator")
local registry = require("game-logic.process-coordination.process-registry")
local codec = require("game-logic.utils.json-codec")

local M = {}

local sentCount = 0
-- aos stamps each sent message with a Reference tag and replies carry it back as X-Reference;
-- peers whose replies do not copy Correlation-Id are matched through it
local byReference = {}

local function referenceOf(sent)
  if type(sent) ~= "table" or type(sent.Tags) ~= "table" then return nil end
  for _, tag in ipairs(sent.Tags) do
    if tag.name == "Reference" then return tostring(tag.value) end
  end
  return sent.Tags.Reference and tostring(sent.Tags.Reference) or nil
end

--- Sends {Action=action, Data=json(data)} to the named peer; returns correlationId or nil, err.
function M.request(targetName, action, data, originMsg)
  local target = registry.idOf(targetName)
  if target == nil then return nil, "process " .. tostring(targetName) .. " is not registered" end
  local id = correlator.generateId(targetName)
  correlator.track(id, {
    target = targetName,
    action = action,
    timestamp = originMsg and originMsg.Timestamp or 0,
    origin = originMsg and originMsg.From or nil,
  })
  local sent = ao.send({
    Target = target,
    Action = action,
    ["Correlation-Id"] = id,
    Data = codec.encode(data or {}),
  })
  local ref = referenceOf(sent)
  if ref then byReference[ref] = id end
  sentCount = sentCount + 1
  return id
end

--- Fire-and-forget notice (no tracking).
function M.notify(targetName, action, data)
  local target = registry.idOf(targetName)
  if target == nil then return false end
  ao.send({ Target = target, Action = action, Data = codec.encode(data or {}) })
  sentCount = sentCount + 1
  return true
end

--- The correlation id a reply answers: its Correlation-Id tag, else through X-Reference.
function M.correlationOf(msg)
  local tags = msg and msg.Tags or {}
  return tags["Correlation-Id"] or (tags["X-Reference"] and byReference[tostring(tags["X-Reference"])]) or nil
end

--- For a reply: resolves its correlation id; returns the tracked info (with .id) or nil.
function M.matchReply(msg)
  local id = M.correlationOf(msg)
  if not id then return nil end
  for ref, cid in pairs(byReference) do
    if cid == id then byReference[ref] = nil end
  end
  return correlator.resolve(id)
end

function M.sent()
  return sentCount
end

return M
