package io.threatflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The database file, which holds the password hashes, on the file system: H2 opened on it as the application opens
 * it. Before, the directory was 0755 and the file 0644, readable by every user of the machine.
 */
class H2FilePermissionsTest {

    @TempDir
    Path root;

    @Test
    void shouldCreateDirectory0700_andDatabaseFile0600_beforeH2OpensIt() throws Exception {
        String url = "jdbc:h2:file:" + root.resolve("data/threatflow") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

        new H2FilePermissions(new MockEnvironment().withProperty("spring.datasource.url", url))
                .postProcessBeforeInitialization(new org.h2.jdbcx.JdbcDataSource(), "dataSource");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement sql = connection.createStatement()) {
            sql.execute("create table secret (hash varchar(100))");
            sql.execute("insert into secret values ('{SHA-512}x')");
        }

        assertThat(permissions(root.resolve("data"))).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("data/threatflow.mv.db"))).isEqualTo("rw-------");
        try (Connection again = DriverManager.getConnection(url, "sa", "");
             ResultSet rows = again.createStatement().executeQuery("select hash from secret")) {
            assertThat(rows.next()).as("H2 took the empty file as a new database and kept what was written").isTrue();
            assertThat(rows.getString(1)).isEqualTo("{SHA-512}x");
        }
        assertThat(permissions(root.resolve("data/threatflow.mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void shouldRestrictTheFilesOfAnExistingDatabase() throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        for (String file : new String[] {"threatflow.mv.db", "threatflow.trace.db", "other.txt"}) {
            Files.writeString(data.resolve(file), "x");
            Files.setPosixFilePermissions(data.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }

        H2FilePermissions.protect(data.resolve("threatflow.mv.db"));

        assertThat(permissions(data.resolve("threatflow.mv.db"))).isEqualTo("rw-------");
        assertThat(permissions(data.resolve("threatflow.trace.db"))).isEqualTo("rw-------");
        assertThat(permissions(data.resolve("other.txt"))).as("not the database's").isEqualTo("rw-r--r--");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:threatflow;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://db.example/threatflow",
            "jdbc:postgresql://db.example:5432/threatflow", ""})
    void shouldLeaveDatabasesThatAreNoFileHereAlone(String url) {
        assertThat(H2FilePermissions.databaseFile(url)).isEmpty();
    }

    @Test
    void shouldFindTheFileOfTheDefaultUrl() {
        assertThat(H2FilePermissions.databaseFile("jdbc:h2:file:./data/threatflow;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"))
                .contains(Path.of("data/threatflow.mv.db").toAbsolutePath());
        assertThat(H2FilePermissions.databaseFile("jdbc:h2:~/tf/db"))
                .contains(Path.of(System.getProperty("user.home"), "tf/db.mv.db"));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
