package org.kintsugi.debrief.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.room.RoomFanOut;
import org.kintsugi.debrief.room.RoomSignal;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tell a room's changes to every node on one PostgreSQL database with {@code NOTIFY}; each node {@code LISTEN}s on a
 * connection of its own and hands what it hears, its own changes included, to its streams. A notification lost while
 * a node reconnects is not lost to the browsers: the next change, or their reconnect, catches them up from the log.
 */
class PostgresFanOut implements RoomFanOut, DisposableBean {

    static final String CHANNEL = "kintsugi_debrief_room";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresFanOut.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final List<Consumer<RoomSignal>> receivers = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile @Nullable Connection connection;

    PostgresFanOut(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.listener =
                Thread.ofPlatform().daemon().name("debrief-room-listener").unstarted(this::listen);
        listener.start();
    }

    @Override
    public void publish(RoomSignal signal) {
        jdbc.queryForObject(
                "select pg_notify(?, ?)",
                Object.class,
                CHANNEL,
                signal.debriefId() + ":" + signal.id() + ":" + signal.kind());
    }

    @Override
    public void subscribe(Consumer<RoomSignal> receiver) {
        receivers.add(receiver);
    }

    private void listen() {
        while (running) {
            try (Connection listening = dataSource.getConnection()) {
                connection = listening;
                listening.setAutoCommit(true);
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = pg.getNotifications(5000);
                    if (heard != null) {
                        for (PGNotification notification : heard) {
                            RoomSignal signal = parse(notification.getParameter());
                            if (signal != null) {
                                InProcessFanOut.deliver(receivers, signal);
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Listening for room changes failed; listening again in a second: {}", e.toString());
                    pause();
                }
            }
        }
    }

    static @Nullable RoomSignal parse(String payload) {
        String[] parts = payload.split(":", 3);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new RoomSignal(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws Exception {
        running = false;
        listener.interrupt();
        listener.join(6000);
    }
}
