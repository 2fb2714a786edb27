package dev.ferret.lab.track;

/** The ground truth could not be computed (no python3, too old, timed out, bad output). Not a crash: report and skip. */
public final class GroundTruthUnavailableException extends Exception {
    public GroundTruthUnavailableException(String message) {
        super(message);
    }

    public GroundTruthUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
