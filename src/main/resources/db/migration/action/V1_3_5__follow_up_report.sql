-- Who gets a report by mail each month, and to whom each month's report went, so nobody gets it twice.
create table report_subscriptions (
    report        varchar(40) not null,
    user_id       bigint      not null,
    subscribed_at timestamp with time zone not null,
    primary key (report, user_id)
);

create table report_mailings (
    report       varchar(40) not null,
    report_month varchar(7)  not null,
    user_id      bigint      not null,
    mailed_at    timestamp with time zone not null,
    primary key (report, report_month, user_id)
);
