"""JSON encoding of the data contracts, for the WebAPI: the same type descriptions as the SOAP
wire (``wire.Element`` specs), another text form.

Objects are JSON objects keyed by the XML (PascalCase) names, written the way the WebAPI's
.NET serializer (Json.NET) writes them: every field, None as null where the field can be nil (a
.NET reference type), and left out where it cannot (a .NET value type: int, bool, enum, date,
which JSON null would not convert to; the server keeps its default). Dates are ISO 8601 with
their offset and up to 7 fractional digits, trailing zeros left out (.NET's ``FFFFFFF``);
durations are .NET TimeSpan text (``d.hh:mm:ss.fffffff``); flags enums are comma-separated
names; bytes are base64; dictionaries are JSON objects.
"""

from __future__ import annotations

import base64
import binascii
import enum
import re
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from .errors import ProtocolError, SerializationError
from .wire import (
    ArrayOf,
    Codec,
    ComplexCodec,
    DictOf,
    EnumCodec,
    FlagsCodec,
    Primitive,
    _Any,
    _Base64,
    _Bool,
    _Char,
    _DateTime,
    _Decimal,
    _Duration,
    _Float,
    _Guid,
    _Int,
    _String,
    import_value_types,
    logger,
)

import_value_types()  # this module also calls the primitives outside a bound element (parse_timespan)

_TIMESPAN = re.compile(r"^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$")


def datetime_text(value: datetime) -> str:
    """ISO 8601 as .NET writes it: seconds, then the fraction without its trailing zeros."""
    text = value.isoformat(timespec="seconds")  # YYYY-MM-DDTHH:MM:SS, then the offset if any
    fraction = f".{value.microsecond:06d}".rstrip("0") if value.microsecond else ""
    return text[:19] + fraction + text[19:]


def timespan_text(value: timedelta) -> str:
    """.NET's TimeSpan format: [-][d.]hh:mm:ss[.fffffff]."""
    sign = "-" if value < timedelta(0) else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{value.days}." if value.days else sign
    text += f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return text + (f".{value.microseconds:06d}0" if value.microseconds else "")


def parse_timespan(text: str) -> timedelta:
    match = _TIMESPAN.match(text.strip())
    if match is None:
        iso: timedelta = _Duration("duration").parse(text)  # ISO 8601, as the SOAP side writes it
        return iso
    sign, days, hours, minutes, seconds, fraction = match.groups()
    value = timedelta(
        days=int(days or 0),
        hours=int(hours),
        minutes=int(minutes),
        seconds=int(seconds),
        microseconds=int((fraction or "0").ljust(7, "0")[:6]),
    )
    return -value if sign else value


class JsonError(ProtocolError):
    """A JSON reply whose value does not fit the type the operation promises."""


# -- encoding ---------------------------------------------------------------------------------


def encode(codec: Codec, value: Any) -> Any:
    """A Python value of the codec's type -> a JSON value."""
    if value is None:
        return None
    return _ENCODERS[type(codec)](codec, value)


def _encode_primitive(codec: Any, value: Any) -> Any:
    return value


def _encode_text(format_: Callable[[Any], str]) -> Callable[[Any, Any], Any]:
    return lambda codec, value: format_(value)


def _encode_float(codec: Any, value: Any) -> Any:
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        return _Float("double").format(number)  # NaN, INF: JSON has no such numbers
    return number


def _encode_any(codec: _Any, value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, datetime):
        return datetime_text(value)
    if isinstance(value, timedelta):
        return timespan_text(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (UUID, Decimal)):
        return str(value) if isinstance(value, UUID) else float(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_encode_any(codec, item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _encode_any(codec, item) for key, item in value.items()}
    complex_codec = codec.schema.codec_of(type(value)) if codec.schema is not None else None
    if complex_codec is not None:
        return encode(complex_codec, value)
    raise SerializationError(f"cannot send a {type(value).__name__} as JSON")


def _encode_enum(codec: EnumCodec, value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else str(value)


def _encode_flags(codec: FlagsCodec, value: Any) -> Any:
    names = [name for member, name in codec.names if member in value]
    return ", ".join(names) if names else (codec.zero or "")


def _encode_complex(codec: ComplexCodec, value: Any) -> Any:
    actual = codec if type(value) is codec.cls else codec.schema.codec_of(type(value))
    if actual is None or not isinstance(value, codec.cls):
        raise SerializationError(f"expected {codec.cls.__name__}, got {type(value).__name__}")
    if not actual.ready:
        actual.prepare()
    result = {}
    for element in actual.elements:
        item = getattr(value, element.attr)
        if item is not None or element.nillable:  # None of a value type: left out
            result[element.name] = encode(element.codec, item)  # type: ignore[arg-type]
    return result


def _encode_array(codec: ArrayOf, value: Any) -> Any:
    if isinstance(value, (str, bytes, Mapping)):
        raise SerializationError(f"expected a list, got {type(value).__name__}")
    item = codec.item.codec
    return [encode(item, entry) for entry in value]  # type: ignore[arg-type]


def _encode_dict(codec: DictOf, value: Any) -> Any:
    if not isinstance(value, Mapping):
        raise SerializationError(f"expected a dict, got {type(value).__name__}")
    key_codec, value_codec = codec.key.codec, codec.value.codec
    result = {}
    for key, item in value.items():
        encoded = encode(key_codec, key)  # type: ignore[arg-type]
        result[encoded if isinstance(encoded, str) else str(encoded)] = encode(value_codec, item)  # type: ignore[arg-type]
    return result


_ENCODERS: dict[type, Callable[[Any, Any], Any]] = {
    _String: _encode_primitive,
    _Int: _encode_primitive,
    _Bool: _encode_primitive,
    _Float: _encode_float,
    _Decimal: lambda codec, value: float(value),
    _DateTime: _encode_text(datetime_text),
    _Base64: _encode_text(lambda value: base64.b64encode(bytes(value)).decode("ascii")),
    _Guid: _encode_text(str),
    _Char: _encode_primitive,
    _Duration: _encode_text(timespan_text),
    _Any: _encode_any,
    EnumCodec: _encode_enum,
    FlagsCodec: _encode_flags,
    ComplexCodec: _encode_complex,
    ArrayOf: _encode_array,
    DictOf: _encode_dict,
}


# -- decoding ---------------------------------------------------------------------------------


def decode(codec: Codec, data: Any, where: str = "the reply") -> Any:
    """A JSON value -> a Python value of the codec's type; ``where`` names the value in errors."""
    if data is None:
        return None
    return _DECODERS[type(codec)](codec, data, where)


def _wrong(where: str, expected: str, data: Any) -> JsonError:
    shown = repr(data) if len(repr(data)) < 80 else repr(data)[:77] + "..."
    return JsonError(f"{where}: expected {expected}, got {shown}")


# Scalars are read the way the WebAPI's own JSON reader (Newtonsoft) reads them: a number where
# a string is expected becomes its text, a numeric or boolean string becomes the number or bool.


def _decode_str(codec: Any, data: Any, where: str) -> Any:
    if isinstance(data, str):
        return data
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, (int, float)):
        return repr(data) if isinstance(data, float) else str(data)
    raise _wrong(where, "a string", data)


def _decode_int(codec: Any, data: Any, where: str) -> Any:
    if isinstance(data, int) and not isinstance(data, bool):
        return data
    if isinstance(data, float) and data.is_integer():
        return int(data)
    if isinstance(data, str) and re.fullmatch(r"\s*[-+]?\d+\s*", data):
        return int(data)
    raise _wrong(where, "an integer", data)


def _decode_bool(codec: Any, data: Any, where: str) -> Any:
    if isinstance(data, bool):
        return data
    if isinstance(data, str) and data.strip().lower() in ("true", "false"):
        return data.strip().lower() == "true"
    raise _wrong(where, "true or false", data)


def _decode_float(codec: Any, data: Any, where: str) -> Any:
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return float(data)
    if isinstance(data, str):
        text = data.strip()
        if text in ("NaN", "INF", "-INF", "Infinity", "-Infinity"):
            return float(text.replace("INF", "inf"))
        if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text):
            return float(text)
    raise _wrong(where, "a number", data)


def _decode_decimal(codec: Any, data: Any, where: str) -> Any:
    if isinstance(data, bool) or not isinstance(data, (int, float, str)):
        raise _wrong(where, "a number", data)
    try:
        return Decimal(str(data))
    except ArithmeticError:
        raise _wrong(where, "a number", data) from None


def _decode_text(codec: Primitive, data: Any, where: str) -> Any:
    if not isinstance(data, str):
        raise _wrong(where, f"a {codec.xsd_name} string", data)
    if not data:
        return codec.empty()
    try:
        return _TEXT_PARSERS.get(type(codec), codec.parse)(data)
    except (ValueError, ArithmeticError, binascii.Error):
        raise _wrong(where, f"a {codec.xsd_name}", data) from None


_TEXT_PARSERS: dict[type, Callable[[str], Any]] = {_Duration: parse_timespan}


def _decode_char(codec: Any, data: Any, where: str) -> Any:
    if isinstance(data, int) and not isinstance(data, bool):
        return chr(data)
    if not isinstance(data, str) or len(data) != 1:
        raise _wrong(where, "one character", data)
    return data


def _decode_any(codec: Any, data: Any, where: str) -> Any:
    return data  # an open type: the JSON value as it is


def _decode_enum(codec: EnumCodec, data: Any, where: str) -> Any:
    if not isinstance(data, str):
        raise _wrong(where, f"a {codec.cls.__name__} name", data)
    return codec.cls(data)


def _decode_flags(codec: FlagsCodec, data: Any, where: str) -> Any:
    if isinstance(data, int) and not isinstance(data, bool):
        return codec.cls(data)
    if not isinstance(data, str):
        raise _wrong(where, f"{codec.cls.__name__} names", data)
    result = codec.cls(0)
    for word in re.split(r"[,\s]+", data.strip()):
        if not word:
            continue
        member = codec.by_name.get(word)
        if member is None:
            logger().warning("ignoring unknown %s flag %r", codec.cls.__name__, word)
            continue
        result |= member
    return result


def _decode_complex(codec: ComplexCodec, data: Any, where: str) -> Any:
    if not isinstance(data, Mapping):
        raise _wrong(where, f"a {codec.cls.__name__} object", data)
    if not codec.ready:
        codec.prepare()
    values = {}
    for element in codec.elements:
        if element.name in data:  # unknown keys (a newer server) are skipped
            values[element.attr] = decode(element.codec, data[element.name], f"{where}.{element.name}")  # type: ignore[arg-type]
    return codec.cls(**values)


def _decode_array(codec: ArrayOf, data: Any, where: str) -> Any:
    if not isinstance(data, list):
        raise _wrong(where, "an array", data)
    item = codec.item.codec
    return [decode(item, entry, f"{where}[{index}]") for index, entry in enumerate(data)]  # type: ignore[arg-type]


def _decode_dict(codec: DictOf, data: Any, where: str) -> Any:
    if not isinstance(data, Mapping):
        raise _wrong(where, "an object", data)
    key_codec, value_codec = codec.key.codec, codec.value.codec
    result = {}
    for key, item in data.items():
        parsed_key = _decode_key(key_codec, key, where)  # type: ignore[arg-type]
        result[parsed_key] = decode(value_codec, item, f"{where}[{key!r}]")  # type: ignore[arg-type]
    return result


def _decode_key(codec: Codec, key: str, where: str) -> Any:
    """JSON object keys are strings, whatever the dictionary's key type."""
    if isinstance(codec, _String):
        return key
    if isinstance(codec, _Int):
        try:
            return int(key)
        except ValueError:
            raise _wrong(f"{where} key", "an integer", key) from None
    return decode(codec, key, f"{where} key")


_DECODERS: dict[type, Callable[[Any, Any, str], Any]] = {
    _String: _decode_str,
    _Int: _decode_int,
    _Bool: _decode_bool,
    _Float: _decode_float,
    _Decimal: _decode_decimal,
    _DateTime: _decode_text,
    _Base64: _decode_text,
    _Guid: _decode_text,
    _Char: _decode_char,
    _Duration: _decode_text,
    _Any: _decode_any,
    EnumCodec: _decode_enum,
    FlagsCodec: _decode_flags,
    ComplexCodec: _decode_complex,
    ArrayOf: _decode_array,
    DictOf: _decode_dict,
}


__all__ = ["JsonError", "datetime_text", "decode", "encode", "parse_timespan", "timespan_text"]
