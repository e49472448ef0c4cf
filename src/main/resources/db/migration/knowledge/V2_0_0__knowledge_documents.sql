-- One search document per incident: the text people wrote about it, flattened per field from the incident, its
-- postmortem, the analysis and the action items. The search index is built from these rows, so rebuilding it after a
-- change of analysis or mapping reads one table instead of every module.
create table knowledge_documents (
    incident_id        bigint          primary key,
    incident_key       varchar(30)     not null,
    postmortem_id      bigint,
    title              varchar(200)    not null,
    summary            varchar(10000)  not null,
    impact             varchar(10000)  not null,
    kind               varchar(20)     not null,
    severity           varchar(10)     not null,
    status             varchar(20)     not null,
    postmortem_status  varchar(20),
    services           varchar(4000)   not null,
    teams              varchar(4000)   not null,
    factor_categories  varchar(4000)   not null,
    started_at         timestamp with time zone not null,
    resolved_at        timestamp with time zone,
    published_at       timestamp with time zone,
    sections           varchar(1000000) not null,
    timeline           varchar(1000000) not null,
    accounts           varchar(1000000) not null,
    whys               varchar(1000000) not null,
    factors            varchar(1000000) not null,
    actions            varchar(1000000) not null,
    computed_at        timestamp with time zone not null
);
