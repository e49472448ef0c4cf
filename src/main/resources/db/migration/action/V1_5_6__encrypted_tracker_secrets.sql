-- Tracker tokens and webhook secrets are kept encrypted (AES-GCM, in base64 behind a short header): room for the
-- ciphertext of the longest value the settings accept (1,000 and 500 characters, up to 3 bytes each in UTF-8).
-- The values themselves are encrypted when Kintsugi starts, before anything reads them.
alter table tracker_settings alter column token set data type varchar(4200);
alter table tracker_settings alter column webhook_secret set data type varchar(2100);
