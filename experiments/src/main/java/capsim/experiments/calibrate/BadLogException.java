package capsim.experiments.calibrate;

/** A log calibrate cannot use: the message names the file and, where there is one, the line. */
public final class BadLogException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadLogException(String message) {
        super(message);
    }
}
