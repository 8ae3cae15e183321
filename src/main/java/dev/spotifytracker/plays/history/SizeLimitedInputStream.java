package dev.spotifytracker.plays.history;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops a stream after a number of bytes: a zip declares each file's size, but the
 * declaration can lie, and a small zip can unpack to far more than the disk holds. The
 * bytes within the limit are all delivered before the stream fails, so what they hold can
 * still be read.
 */
final class SizeLimitedInputStream extends FilterInputStream {

	private final long limit;

	private long count;

	SizeLimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (this.count >= this.limit) {
			// at the limit: the stream may end here, or holds too much
			return read();
		}
		int n = super.read(buffer, offset, (int) Math.min(length, this.limit - this.count));
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		if (this.count >= this.limit) {
			return (read() < 0) ? 0 : 1;
		}
		long skipped = super.skip(Math.min(n, this.limit - this.count));
		counted(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void counted(long n) throws LimitExceededException {
		this.count += n;
		if (this.count > this.limit) {
			throw new LimitExceededException();
		}
	}

	/** The stream went past its limit. */
	static final class LimitExceededException extends IOException {

		LimitExceededException() {
			super("The stream is larger than its limit");
		}

	}

}
