package org.herald.notifier.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send's deadline: it closes the socket of a send that runs out of time, and a send
 * done in time leaves nothing waiting on the timer.
 */
class SendDeadlinesTests {

    @Test
    void aSendDoneInTimeLeavesNoDeadlineWaiting() {
        try (SendDeadlines deadlines = new SendDeadlines(Duration.ofMinutes(1))) {
            for (int i = 0; i < 1000; i++) {
                deadlines.start().close();
            }
            SendDeadlines.Deadline underWay = deadlines.start();

            assertThat(deadlines.waiting()).isEqualTo(1);
            underWay.close();
            assertThat(deadlines.waiting()).isZero();
        }
    }

    @Test
    void aSendOutOfTimeHasItsSocketClosed() throws IOException {
        try (SendDeadlines deadlines = new SendDeadlines(Duration.ofMillis(200));
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SendDeadlines.Deadline deadline = deadlines.start();
            Socket socket = deadlines.createSocket(server.getInetAddress(), server.getLocalPort());

            await().atMost(Duration.ofSeconds(10)).until(socket::isClosed);
            assertThat(deadline.expired()).isTrue();
            assertThat(deadline.socket()).isSameAs(socket);
            deadline.close();
            assertThat(deadlines.waiting()).isZero();
        }
    }

}
