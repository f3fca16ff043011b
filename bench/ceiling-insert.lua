-- The insert ceiling: POST /insert on bench/ceiling, one autocommitted INSERT of a complaint-sized row. The body
-- has the size and shape of a submission's, so that reading JSON costs the same on both sides.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
scenario = "insert"

local counter = 0
local tag, id

function init(args)
   tag, id = run_tag(), thread_id
end

function request()
   counter = counter + 1
   local who = string.format("%sT%dN%x", tag, id, counter)
   local body = string.format([[{"institutionId":2,"kind":"COMPLAINT",
"subject":"Dossier de pension bloqué depuis six mois",
"content":"J'ai déposé mon dossier de pension le 3 mai et je n'ai reçu aucune réponse malgré trois relances.",
"firstName":"Amina","lastName":"Benali","email":"%s@bench.example.ma"}]], string.lower(who))
   return wrk.format("POST", "/insert", { ["Content-Type"] = "application/json" }, body)
end
