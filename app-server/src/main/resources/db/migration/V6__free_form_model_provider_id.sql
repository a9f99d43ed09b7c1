-- model_provider_id is any text of up to 255 characters (code points), as in NeMo, no longer only
-- workspace/name: like the other free-text columns it needs room for 510 UTF-16 units (H2 counts those).
ALTER TABLE deployment_version ALTER COLUMN model_provider_id SET DATA TYPE VARCHAR(510);
