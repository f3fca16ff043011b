-- (e) Order + pay: a citizen orders a birth extract (POST /api/v1/document-orders, keyed, its own requester), then
-- the sandbox payment provider pays it (POST /api/v1/sandbox/payments: a signed notification through the same check
-- as the provider's callback; the order goes PAID then AT_OFFICE). Each order's payment is the next request of the
-- same thread once its receipt is back, so that the figures count orders and payments alike (one "req" each).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
scenario = "order_pay"

local counter = 0
local tag, id
local unpaid = {}

function init(args)
   tag, id = run_tag(), thread_id
end

function request()
   local reference = table.remove(unpaid)
   if reference then
      return wrk.format("POST", "/api/v1/sandbox/payments", { ["Content-Type"] = "application/json" },
         string.format([[{"paymentReference":"%s","outcome":"SUCCEEDED"}]], reference))
   end
   counter = counter + 1
   local who = string.format("%sT%dN%x", tag, id, counter)
   local body = string.format([[{"officeId":1,"documentTypeId":1,"copies":2,"relation":"SELF",
"birthAct":{"actNumber":"1234","registrationYear":1995,"registrationCalendar":"GREGORIAN",
"firstNameArabic":"أمينة","lastNameArabic":"بنعلي","firstNameLatin":"Amina","lastNameLatin":"Benali",
"dateOfBirth":"1995-03-14","fatherName":"Mohammed Benali","motherName":"Fatima Alaoui"},
"requester":{"firstName":"Amina","lastName":"Benali","idDocumentType":"CIN","idDocumentNumber":"%s",
"email":"%s@bench.example.ma"},
"delivery":{"destination":"MOROCCO","addressee":"Amina Benali","street":"12 rue Oued Sebou","city":"Rabat",
"postalCode":"10090"}}]], who, string.lower(who))
   return wrk.format("POST", "/api/v1/document-orders", {
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = "bench-" .. who,
   }, body)
end

local tally = response  -- report.lua's, which counts the statuses

function response(status, headers, body)
   tally(status, headers, body)
   if status == 201 then
      local reference = body:match('"reference":"(PAY%-[%w%-]+)"')
      if reference then
         table.insert(unpaid, reference)
      end
   end
end
