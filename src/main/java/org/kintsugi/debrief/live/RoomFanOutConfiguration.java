package org.kintsugi.debrief.live;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.kintsugi.debrief.room.RoomFanOut;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Choose how a room's changes reach the streams: through PostgreSQL's notifications when the database is PostgreSQL
 * (so every node sees every change), in-process on H2, where there is only one node. {@code
 * kintsugi.debrief.fan-out=in-process} keeps a PostgreSQL node to itself.
 */
@Configuration(proxyBeanMethods = false)
class RoomFanOutConfiguration {

    @Bean
    RoomFanOut roomFanOut(DataSource dataSource, @Value("${kintsugi.debrief.fan-out:auto}") String choice)
            throws SQLException {
        if (!choice.equals("in-process") && postgres(dataSource)) {
            return new PostgresFanOut(dataSource);
        }
        return new InProcessFanOut();
    }

    private static boolean postgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres");
        }
    }
}
