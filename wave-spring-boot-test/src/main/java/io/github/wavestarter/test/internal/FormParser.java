package io.github.wavestarter.test.internal;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a buffered form body (multipart or url-encoded) with Netty's
 * {@link HttpPostRequestDecoder}. Internal API.
 */
public final class FormParser {

	/** Thrown for a malformed body or a repeated field. */
	public static final class MalformedFormException extends Exception {

		MalformedFormException(String message) {
			super(message);
		}

	}

	private FormParser() {
	}

	/**
	 * @param contentType the request's content type (decides multipart vs url-encoded)
	 * @param body the full body
	 * @return fields in order
	 */
	public static Map<String, String> parse(String contentType, byte[] body) throws MalformedFormException {
		DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
				"/access_token", Unpooled.wrappedBuffer(body));
		request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
		request.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
		HttpPostRequestDecoder decoder = null;
		try {
			decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request, StandardCharsets.UTF_8);
			Map<String, String> fields = new LinkedHashMap<>();
			for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
				String value;
				if (data instanceof Attribute attribute) {
					value = attribute.getValue();
				}
				else if (data instanceof FileUpload upload) {
					value = upload.getString(StandardCharsets.UTF_8);
				}
				else {
					continue;
				}
				if (fields.putIfAbsent(data.getName(), value) != null) {
					throw new MalformedFormException("parameter '" + data.getName() + "' is repeated");
				}
			}
			return fields;
		}
		catch (HttpPostRequestDecoder.ErrorDataDecoderException | IOException | IllegalArgumentException e) {
			throw new MalformedFormException("malformed form body");
		}
		finally {
			if (decoder != null) {
				decoder.destroy();
			}
			request.release();
		}
	}

}
