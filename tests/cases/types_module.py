# The types module: internal type names and types.coroutine.
import types


@types.coroutine
def legacy():
    got = yield "from legacy"
    return got * 2


print(legacy.__code__.co_flags & 0x100 != 0)


async def main():
    value = await legacy()
    return value


c = main()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("returned", e.value)


async def already():
    return 1


print(types.coroutine(already) is already)
try:
    types.coroutine(1)
except TypeError as e:
    print(e)


def plain():
    return 1


def gen():
    yield 1


async def agen():
    yield 1


print(type(plain) is types.FunctionType, types.LambdaType is types.FunctionType)
print(type(gen()) is types.GeneratorType)
co = already()
print(type(co) is types.CoroutineType)
co.close()
print(type(agen()) is types.AsyncGeneratorType)
print(type(len) is types.BuiltinFunctionType, type([].append) is types.BuiltinMethodType)
print(type(types) is types.ModuleType, type(plain.__code__) is types.CodeType)
print(type(int.__dict__) is types.MappingProxyType)
print(types.NoneType, types.EllipsisType, types.NotImplementedType)
print(type(object.__init__) is types.WrapperDescriptorType)
print(type(object().__init__) is types.MethodWrapperType)
print(type(str.join) is types.MethodDescriptorType)
print(type(dict.__dict__["fromkeys"]) is types.ClassMethodDescriptorType)
print(types.GenericAlias, list[int].__class__ is types.GenericAlias)


class K:
    def m(self):
        pass


print(type(K().m) is types.MethodType)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e.__traceback__) is types.TracebackType, type(e.__traceback__.tb_frame) is types.FrameType)
