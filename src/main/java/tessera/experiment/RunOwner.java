package tessera.experiment;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The process that writes a run, identified by host name and pid, and whether it still lives. */
final class RunOwner {

    /**
     * A process start time comes from the kernel's boot clock, a run's start from the wall clock;
     * they can disagree by a little, and a reused pid is normally far younger than this.
     */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);

    private static final String HOST = lookUpHost();

    private RunOwner() {
    }

    static String host() {
        return HOST;
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    /**
     * True only when the owner is known to be gone: same host and no live process with that pid,
     * or a live one that started after the run was taken over (the pid was reused, e.g. after a
     * reboot). A run owned by another host is never judged: we cannot see its processes.
     */
    static boolean isGone(String host, long pid, Instant ownedSince) {
        if (host == null || !host.equals(HOST) || pid <= 0) {
            return false;
        }
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(pid);
        } catch (SecurityException e) {
            return false;
        }
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> processStart = process.get().info().startInstant();
        return ownedSince != null && processStart.isPresent()
                && processStart.get().isAfter(ownedSince.plus(CLOCK_SLACK));
    }

    private static String lookUpHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
