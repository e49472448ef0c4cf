-- Webhook deliveries already taken, by the tracker's delivery id (or a hash of the payload when it sends none), so a
-- delivery sent twice (a retry, a redelivery, a replay) is acted on once, on every node. The key makes two identical
-- deliveries arriving at once collide; ids older than kintsugi.trackers.delivery-window are removed.
create table tracker_deliveries (
    tracker     varchar(10)  not null,
    delivery_id varchar(200) not null,
    received_at timestamp with time zone not null,
    constraint pk_tracker_deliveries primary key (tracker, delivery_id)
);

create index ix_tracker_deliveries_received on tracker_deliveries (received_at);
