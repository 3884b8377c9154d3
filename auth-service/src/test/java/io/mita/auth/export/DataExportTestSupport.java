package io.mita.auth.export;

import io.mita.auth.AuthFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the data-export ITs share: the application's client (patient) and database, and the fixtures over both. */
abstract class DataExportTestSupport {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    DataExportFixtures fixtures;

    @BeforeEach
    void fixturesOverTheApplication() {
        client = AuthFixtures.patient(client);
        fixtures = new DataExportFixtures(client, db);
    }
}
