-- (a) Keyed complaint submission: POST /api/v1/complaints as a careful front end sends it (the SDKs send an
-- Idempotency-Key on every creation). Each request has its own key AND its own requester, so that neither an
-- idempotent replay nor a per-identity limit shortens the work measured: every request is a new complaint.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
scenario = "submit"

local counter = 0
local tag, id

function init(args)
   tag, id = run_tag(), thread_id
end

function request()
   counter = counter + 1
   -- idDocumentNumber must be 4-20 letters and digits: tag (<= 8) + thread + hexadecimal counter fits.
   local who = string.format("%sT%dN%x", tag, id, counter)
   local body = string.format([[{"institutionId":2,"kind":"COMPLAINT","categoryId":1,
"subject":"Dossier de pension bloqué depuis six mois",
"content":"J'ai déposé mon dossier de pension le 3 mai et je n'ai reçu aucune réponse malgré trois relances.",
"requester":{"firstName":"Amina","lastName":"Benali","idDocumentType":"CIN","idDocumentNumber":"%s",
"email":"%s@bench.example.ma","phone":"+212 612345678"}}]], who, string.lower(who))
   return wrk.format("POST", "/api/v1/complaints", {
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = "bench-" .. who,
   }, body)
end
