-- The blameless-language coach: which rules an administrator switched on or off, and the rules they added.
create table language_rule_switches (
    rule_id    varchar(80) not null primary key,
    enabled    boolean     not null,
    changed_at timestamp with time zone not null
);

create table language_custom_rules (
    rule_id     varchar(80)   not null primary key,
    pattern     varchar(500)  not null,
    is_regex    boolean       not null,
    category    varchar(40)   not null,
    explanation varchar(1000) not null,
    suggestion  varchar(1000) not null,
    created_at  timestamp with time zone not null
);
