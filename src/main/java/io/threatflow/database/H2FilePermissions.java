package io.threatflow.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The H2 file database (the default, {@code ./data}) holds every case and the users' password hashes, so only the
 * user that runs ThreatFlow may read it. Before the data source is first used, its directory is created 0700 and
 * the database file 0600; the files of an existing database (from an earlier version, which left them
 * world-readable) are set to 0600. H2 itself creates files as the process's umask says. A database elsewhere
 * (PostgreSQL, H2 in memory or over TCP) is left alone, as is a file system without POSIX permissions.
 */
@Component
class H2FilePermissions implements BeanPostProcessor {

    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Environment environment;
    private boolean done;

    H2FilePermissions(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource && !done) {
            done = true;
            databaseFile(environment.getProperty("spring.datasource.url", "")).ifPresent(H2FilePermissions::protect);
        }
        return bean;
    }

    /** The path H2 gives {@code <path>.mv.db} for a {@code jdbc:h2:file:} or {@code jdbc:h2:<path>} URL. */
    static Optional<Path> databaseFile(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("[a-zA-Z]{2,}:.*")) {
            // mem:, tcp://, ssl://, zip: ... : not a plain file of this machine
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(Path.of(name + ".mv.db").toAbsolutePath().normalize());
    }

    static void protect(Path databaseFile) {
        Path directory = databaseFile.getParent();
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            String base = databaseFile.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(base + ".")).toList()) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                }
            }
            if (!Files.exists(databaseFile)) {
                Files.createFile(databaseFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            }
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another node on the same directory was quicker, with the same permissions
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of the database in " + directory, e);
        }
    }
}
