-- The meaning of each incident's document as a sentence embedding, for "another one of those". The vector is
-- recomputed only when the text it was made from changes (text_hash), and kept beside the document so every node
-- reads the same vectors.
create table knowledge_vectors (
    incident_id  bigint       primary key,
    model        varchar(60)  not null,
    text_hash    varchar(64)  not null,
    vector       varchar(4000) not null,
    computed_at  timestamp with time zone not null
);
create index knowledge_vectors_computed on knowledge_vectors (computed_at);
