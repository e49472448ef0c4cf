-- Each incident's failure-mechanism profile beside its embedding: the mean of its passages' profiles (14 numbers,
-- Base64 like the vector). Rows made before it have none until the background fill-in at start-up makes them again.
alter table knowledge_vectors add column profile varchar(100);
