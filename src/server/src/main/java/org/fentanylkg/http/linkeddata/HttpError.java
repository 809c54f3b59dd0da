package org.fentanylkg.http.linkeddata;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A request the server refuses, with the status and a message saying what is wrong and where. */
public final class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() { return status; }

    public static HttpError badRequest(String message) { return new HttpError(400, message); }

    public static HttpError notFound(String message) { return new HttpError(404, message); }

    /** Writes the error as plain text: never a stack trace. */
    public void send(HttpServletResponse response) throws IOException {
        send(response, status, getMessage());
    }

    public static void send(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(status + " " + reason(status) + ": " + message + "\n");
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 414 -> "URI Too Long";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
