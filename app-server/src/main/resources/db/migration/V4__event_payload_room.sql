-- An event's payload is the deployment as JSON, with its status message twice (the field and the
-- added history entry). A message of 1,000 characters outside the Basic Multilingual Plane (emoji)
-- is 2,000 UTF-16 units, written as 12,000 characters of \uXXXX escapes each time: 20,000 was too
-- small (a valid update answered 500). 100,000 holds the largest possible payload with room.
ALTER TABLE deployment_event ALTER COLUMN payload SET DATA TYPE VARCHAR(100000);
