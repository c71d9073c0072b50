package com.example.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports whether PostgreSQL and RabbitMQ answer. */
@RestController
public class StatusController {
    private final JdbcTemplate jdbc;
    private final ConnectionFactory rabbit;
    private final String greeting;

    public StatusController(JdbcTemplate jdbc, ConnectionFactory rabbit, @Value("${app.greeting}") String greeting) {
        this.jdbc = jdbc;
        this.rabbit = rabbit;
        this.greeting = greeting;
    }

    @GetMapping("/")
    public Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("greeting", greeting);
        try {
            Integer one = jdbc.queryForObject("select 1", Integer.class);
            body.put("postgres", one != null && one == 1 ? "ok" : "unexpected");
        } catch (RuntimeException e) {
            body.put("postgres", "error: " + e.getMessage());
        }
        try (Connection c = rabbit.createConnection()) {
            body.put("rabbitmq", c.isOpen() ? "connected" : "closed");
        } catch (RuntimeException e) {
            body.put("rabbitmq", "error: " + e.getMessage());
        }
        return body;
    }
}
