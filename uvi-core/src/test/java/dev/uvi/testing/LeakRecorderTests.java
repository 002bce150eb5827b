package dev.uvi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

class LeakRecorderTests {

	@Test
	void aBufferThatIsNeverReleasedIsReportedAsALeak() {
		assertThat(LeakRecorder.isInstalled()).isTrue();
		leakOneBuffer();
		assertThat(LeakRecorder.drain()).anySatisfy((leak) -> assertThat(leak).startsWith("LEAK: ByteBuf"));
		assertThat(LeakRecorder.drain()).isEmpty();
	}

	private static void leakOneBuffer() {
		ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(16);
		leaked.writeInt(42);
	}
}
