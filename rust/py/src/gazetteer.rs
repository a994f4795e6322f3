//! `rasid._core.GazetteerCore` and `rasid._core.Match`: the binding of
//! `rasid_core::gazetteer`.
//!
//! Texts are read in place from the `str` object's own storage (1, 2 or 4 bytes a code
//! point), so offsets are code points from the start and no UTF-8 copy is made. Batches
//! release the GIL and run on all cores.

use std::path::{Path, PathBuf};

use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString};

use rasid_core::gazetteer::{
    AttrRef, AttrValue, CharSource, Gazetteer, GazetteerBuilder, Match, Norm,
};

use crate::args::{self, normalize_options};
use crate::errors::{argument_type_error, build_error, invalid_text, missing_key, to_py};
use crate::pystr::StrUnits;

/// The code points of a Python `str`, borrowed from its storage.
#[derive(Clone, Copy)]
enum Doc<'a> {
    Ucs1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
}

/// Iterator over the code points of a [`Doc`] (a lone surrogate reads as U+FFFD, a symbol, so
/// offsets stay those of the Python string).
enum DocUnits<'a> {
    Ucs1(std::slice::Iter<'a, u8>),
    Ucs2(std::slice::Iter<'a, u16>),
    Ucs4(std::slice::Iter<'a, u32>),
}

impl Iterator for DocUnits<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        match self {
            DocUnits::Ucs1(it) => it.next().map(|&b| b as u32),
            DocUnits::Ucs2(it) => it.next().map(|&u| u as u32),
            DocUnits::Ucs4(it) => it.next().copied(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            DocUnits::Ucs1(it) => it.size_hint(),
            DocUnits::Ucs2(it) => it.size_hint(),
            DocUnits::Ucs4(it) => it.size_hint(),
        }
    }
}

impl CharSource for Doc<'_> {
    type Units<'b>
        = DocUnits<'b>
    where
        Self: 'b;
    fn units(&self) -> DocUnits<'_> {
        match *self {
            Doc::Ucs1(s) => DocUnits::Ucs1(s.iter()),
            Doc::Ucs2(s) => DocUnits::Ucs2(s.iter()),
            Doc::Ucs4(s) => DocUnits::Ucs4(s.iter()),
        }
    }
}

impl Doc<'_> {
    /// Finds the names, with the loop specialized for the storage width.
    fn find(&self, g: &Gazetteer, overlapping: bool) -> Vec<Match> {
        match *self {
            Doc::Ucs1(s) => g.find_units(s.iter().map(|&u| u as u32), overlapping),
            Doc::Ucs2(s) => g.find_units(s.iter().map(|&u| u as u32), overlapping),
            Doc::Ucs4(s) => g.find_units(s.iter().copied(), overlapping),
        }
    }
}

/// The storage of `s`, borrowed through the shared zero-copy helper ([`crate::pystr`]).
fn doc<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Doc<'a>> {
    let d = match crate::pystr::str_units(s)? {
        StrUnits::Latin1(b) => Doc::Ucs1(b),
        StrUnits::Ucs2(b) => Doc::Ucs2(b),
        StrUnits::Ucs4(b) => Doc::Ucs4(b),
    };
    let len = match d {
        Doc::Ucs1(b) => b.len(),
        Doc::Ucs2(b) => b.len(),
        Doc::Ucs4(b) => b.len(),
    };
    if len >= u32::MAX as usize {
        return Err(invalid_text(
            "text too long for the gazetteer (4 Gi code points at most)",
        ));
    }
    Ok(d)
}

fn norm_from(options: Option<&Bound<'_, PyDict>>) -> PyResult<Norm> {
    Ok(Norm::new(normalize_options(
        Norm::default_options(),
        options,
    )?))
}

fn attr_value(v: &Bound<'_, PyAny>) -> Option<AttrValue> {
    if v.is_none() {
        Some(AttrValue::Null)
    } else if let Ok(s) = v.cast::<PyString>() {
        s.to_str().ok().map(|s| AttrValue::Str(s.to_owned()))
    } else if v.is_instance_of::<PyBool>() {
        v.extract::<bool>().ok().map(AttrValue::Bool)
    } else if v.is_instance_of::<PyInt>() {
        v.extract::<i64>().ok().map(AttrValue::Int)
    } else if v.is_instance_of::<PyFloat>() {
        v.extract::<f64>().ok().map(AttrValue::Float)
    } else {
        None
    }
}

fn attr_to_py<'py>(py: Python<'py>, v: AttrRef<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        AttrRef::Null => py.None().into_bound(py),
        AttrRef::Bool(b) => PyBool::new(py, b).to_owned().into_any(),
        AttrRef::Int(i) => i.into_pyobject(py)?.into_any(),
        AttrRef::Float(f) => PyFloat::new(py, f).into_any(),
        AttrRef::Str(s) => PyString::new(py, s).into_any(),
    })
}

/// The attributes of entity `entity` as a new dict.
fn attrs_dict<'py>(py: Python<'py>, g: &Gazetteer, entity: u32) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (k, v) in g.attrs(entity) {
        d.set_item(k, attr_to_py(py, v)?)?;
    }
    Ok(d)
}

fn add_entries(builder: &mut GazetteerBuilder, entries: &Bound<'_, PyAny>) -> PyResult<()> {
    let items = entries
        .try_iter()
        .map_err(|_| argument_type_error("entries", "an iterable of mappings", entries))?;
    for (i, item) in items.enumerate() {
        let item = item?;
        let bad = |msg: String| build_error(i, &msg);
        let dict =
            match item.cast::<PyDict>() {
                Ok(d) => d.clone(),
                Err(_) => PyDict::from_sequence(&item.call_method0("items").map_err(|_| {
                    bad("an entry must be a mapping with keys name, id, kind".into())
                })?)?,
            };
        let name_obj = dict
            .get_item("name")?
            .ok_or_else(|| bad("no 'name'".into()))?;
        let name_s = name_obj
            .cast::<PyString>()
            .map_err(|_| bad("'name' must be a str".into()))?;
        let id_obj = dict.get_item("id")?.ok_or_else(|| bad("no 'id'".into()))?;
        let id: String = if let Ok(s) = id_obj.cast::<PyString>() {
            s.to_str()?.to_owned()
        } else if id_obj.is_instance_of::<PyInt>() && !id_obj.is_instance_of::<PyBool>() {
            id_obj.str()?.to_str()?.to_owned()
        } else {
            return Err(bad("'id' must be a str or an int".into()));
        };
        let kind: String = match dict.get_item("kind")? {
            None => String::new(),
            Some(k) if k.is_none() => String::new(),
            Some(k) => k
                .cast::<PyString>()
                .map_err(|_| bad("'kind' must be a str".into()))?
                .to_str()?
                .to_owned(),
        };
        let mut attrs: Vec<(Bound<'_, PyString>, AttrValue)> = Vec::new();
        for (k, v) in dict.iter() {
            let k = k
                .cast_into::<PyString>()
                .map_err(|_| bad("attribute names must be str".into()))?;
            let key = k.to_str()?;
            if key == "name" || key == "id" || key == "kind" {
                continue;
            }
            let value = attr_value(&v).ok_or_else(|| {
                bad(format!(
                    "attribute {key:?} must be None, bool, int (64-bit), float or str"
                ))
            })?;
            attrs.push((k, value));
        }
        let keyed: Vec<(&str, AttrValue)> = attrs
            .iter()
            .map(|(k, v)| Ok((k.to_str()?, v.clone())))
            .collect::<PyResult<_>>()?;
        builder
            .add(name_s.to_str()?, &id, &kind, keyed)
            .map_err(|e| build_error(i, &e.reason))?;
    }
    Ok(())
}

/// The `overlapping` switch (`False` when not given).
fn overlapping_flag(value: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    value.map_or(Ok(false), |v| args::flag(v, "overlapping"))
}

/// A file path: a `str` or `os.PathLike`.
fn file_path(value: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    args::extract(value, "path", "a str or os.PathLike")
}

/// The compiled gazetteer (wrapped by `rasid.Gazetteer`).
#[pyclass(module = "rasid._core", name = "GazetteerCore", frozen)]
pub struct PyGazetteer {
    inner: Gazetteer,
}

/// One name found in a text.
#[pyclass(module = "rasid", name = "Match", frozen)]
pub struct PyMatch {
    /// Start, code points of the original text.
    #[pyo3(get)]
    start: usize,
    /// End (exclusive), code points of the original text.
    #[pyo3(get)]
    end: usize,
    /// The original text (the surface `text[start:end]` is cut on access).
    doc: Py<PyString>,
    name: u32,
    gaz: Py<PyGazetteer>,
}

fn substring<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: `text` is a valid str; the call returns a new reference or NULL with an error.
    unsafe {
        let p = pyo3::ffi::PyUnicode_Substring(text.as_ptr(), start as isize, end as isize);
        Ok(Bound::from_owned_ptr_or_err(py, p)?.cast_into_unchecked())
    }
}

fn to_py_matches<'py>(
    py: Python<'py>,
    gaz: &Bound<'py, PyGazetteer>,
    text: &Bound<'py, PyString>,
    matches: Vec<Match>,
) -> PyResult<Bound<'py, PyList>> {
    // A Match refers only to its text and to the gazetteer core, neither of which can refer
    // back to it when the text is an exact `str` (no `__dict__`), so it can never be part of
    // a reference cycle: it is taken out of the cyclic garbage collector, whose passes over
    // hundreds of thousands of live matches otherwise cost more than finding them.
    let untrack = text.is_exact_instance_of::<PyString>();
    // SAFETY: PyList_New returns a new list of `len` empty (NULL) slots, or NULL with an
    // error set; each slot is set below, once, before the list is returned (on an error the
    // list is dropped, and a list deallocates with empty slots left).
    let list = unsafe {
        Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyList_New(matches.len() as isize))?
            .cast_into_unchecked::<PyList>()
    };
    for (i, m) in matches.into_iter().enumerate() {
        let obj = Bound::new(
            py,
            PyMatch {
                start: m.start,
                end: m.end,
                doc: text.clone().unbind(),
                name: m.name,
                gaz: gaz.clone().unbind(),
            },
        )?;
        // SAFETY: `obj` is a live object of a GC type; untracking is always allowed (its
        // deallocation untracks again, which is a no-op). The list steals the reference
        // into its slot `i`, which is in range and empty.
        unsafe {
            if untrack {
                pyo3::ffi::PyObject_GC_UnTrack(obj.as_ptr().cast());
            }
            pyo3::ffi::PyList_SET_ITEM(list.as_ptr(), i as isize, obj.into_ptr());
        }
    }
    Ok(list)
}

#[pymethods]
impl PyGazetteer {
    #[new]
    #[pyo3(signature = (entries, **options))]
    fn new(
        py: Python<'_>,
        entries: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let mut builder = GazetteerBuilder::new(norm_from(options)?);
        add_entries(&mut builder, entries)?;
        let inner = py.detach(move || builder.build());
        Ok(PyGazetteer { inner })
    }

    /// Finds the names in `text`.
    // `overlapping` is read by hand (a non-bool is an ArgumentTypeError); not given, False
    #[pyo3(
        signature = (text, overlapping = None),
        text_signature = "($self, text, overlapping=False)"
    )]
    fn find<'py>(
        slf: &Bound<'py, Self>,
        text: &Bound<'py, PyAny>,
        overlapping: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let py = slf.py();
        let s = args::text(text, "text")?;
        let overlapping = overlapping_flag(overlapping)?;
        let g = &slf.get().inner;
        let matches = doc(s)?.find(g, overlapping);
        to_py_matches(py, slf, s, matches)
    }

    /// Finds the names in each text of `texts`, without the GIL, on `threads` threads.
    #[pyo3(
        signature = (texts, overlapping = None, threads = None),
        text_signature = "($self, texts, overlapping=False, threads=None)"
    )]
    fn find_batch<'py>(
        slf: &Bound<'py, Self>,
        texts: &Bound<'py, PyAny>,
        overlapping: Option<&Bound<'py, PyAny>>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let py = slf.py();
        let overlapping = overlapping_flag(overlapping)?;
        let threads = match threads {
            Some(t) if !t.is_none() => Some(args::index(t, "threads")?),
            _ => None,
        };
        let mut strs: Vec<Bound<'py, PyString>> = Vec::new();
        let items = texts
            .try_iter()
            .map_err(|_| argument_type_error("texts", "an iterable of str", texts))?;
        for t in items {
            let t = t?;
            strs.push(args::text(&t, "text")?.clone());
        }
        let g = &slf.get().inner;
        let docs = strs.iter().map(|s| doc(s)).collect::<PyResult<Vec<_>>>()?;
        let out = PyList::empty(py);
        // Chunk by chunk: the matches of one become Python objects (and Ctrl-C is checked)
        // while the pool matches the next one; the GIL is released while waiting for it.
        g.find_batch_chunks(
            &docs,
            overlapping,
            threads,
            |f| py.detach(f),
            |first, results| {
                for (s, r) in strs[first..].iter().zip(results) {
                    out.append(to_py_matches(py, slf, s, r)?)?;
                }
                py.check_signals()
            },
        )?;
        Ok(out)
    }

    /// Writes the gazetteer to a binary file.
    fn save(&self, py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<()> {
        let path = file_path(path)?;
        py.detach(|| self.inner.save(&path))
            .map_err(|e| to_py((e, path.as_path())))
    }

    /// Reads a gazetteer written by `save`.
    #[staticmethod]
    fn load(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<Self> {
        let path = file_path(path)?;
        let inner = py
            .detach(|| Gazetteer::load(&path))
            .map_err(|e| to_py((e, path.as_path())))?;
        Ok(PyGazetteer { inner })
    }

    /// The binary file image (used for pickling).
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, pyo3::types::PyBytes> {
        pyo3::types::PyBytes::new(py, &self.inner.to_bytes())
    }

    /// A gazetteer from `to_bytes` output.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let data = data
            .cast::<PyBytes>()
            .map_err(|_| argument_type_error("data", "bytes", data))?
            .as_bytes();
        let inner = py
            .detach(|| Gazetteer::from_bytes(data))
            .map_err(|e| to_py((e, Path::new("<bytes>"))))?;
        Ok(PyGazetteer { inner })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Number of distinct ids.
    #[getter]
    fn entity_count(&self) -> usize {
        self.inner.entity_count()
    }

    /// Approximate memory held, in bytes.
    #[getter]
    fn heap_bytes(&self) -> usize {
        self.inner.heap_bytes()
    }

    /// (name, id, kind) of name number `index`.
    fn entry(&self, index: &Bound<'_, PyAny>) -> PyResult<(String, String, String)> {
        let index = self.name_index(index)?;
        let g = &self.inner;
        let e = g.entity_of(index as u32);
        Ok((
            g.name(index as u32).to_owned(),
            g.id(e).to_owned(),
            g.kind(e).to_owned(),
        ))
    }

    /// The names in `text` as `(start, end, name index)` tuples, leftmost-longest (all with
    /// `overlapping`): the light form for callers that look entries up once per name (with
    /// `entry` and `entry_attrs`). With `require`, a list of groups of kinds, the result is
    /// empty unless every kind of at least one group is among the matches' kinds (a
    /// document-level filter that spares building tuples for texts the caller skips).
    #[pyo3(
        signature = (text, overlapping = None, require = None),
        text_signature = "($self, text, overlapping=False, require=None)"
    )]
    fn find_names<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        overlapping: Option<&Bound<'py, PyAny>>,
        require: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let s = args::text(text, "text")?;
        let overlapping = overlapping_flag(overlapping)?;
        let require: Option<Vec<Vec<String>>> = match require {
            Some(r) if !r.is_none() => Some(args::extract(r, "require", "a list of lists of str")?),
            _ => None,
        };
        let g = &self.inner;
        let matches = doc(s)?.find(g, overlapping);
        if let Some(groups) = require {
            let kinds: Vec<&str> = matches
                .iter()
                .map(|m| g.kind(g.entity_of(m.name)))
                .collect();
            let met = groups
                .iter()
                .any(|group| group.iter().all(|k| kinds.contains(&k.as_str())));
            if !met {
                return Ok(PyList::empty(py));
            }
        }
        PyList::new(py, matches.iter().map(|m| (m.start, m.end, m.name)))
    }

    /// The attributes of the entity that name number `index` belongs to, as a new dict.
    fn entry_attrs<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let index = self.name_index(index)?;
        attrs_dict(py, &self.inner, self.inner.entity_of(index as u32))
    }

    fn __repr__(&self) -> String {
        format!(
            "<GazetteerCore {} names, {} ids>",
            self.inner.len(),
            self.inner.entity_count()
        )
    }
}

impl PyGazetteer {
    /// A name number given from Python: an int below the number of names
    /// (`MissingKeyError` past them).
    fn name_index(&self, index: &Bound<'_, PyAny>) -> PyResult<usize> {
        let i = args::index(index, "index")?;
        if i >= self.inner.len() {
            return Err(missing_key(i));
        }
        Ok(i)
    }
}

impl PyMatch {
    fn entity(&self) -> u32 {
        self.gaz.get().inner.entity_of(self.name)
    }
}

#[pymethods]
impl PyMatch {
    /// The matched surface, `text[start:end]` of the original text.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        substring(py, self.doc.bind(py), self.start, self.end)
    }

    /// The id of the matched entity.
    #[getter]
    fn id(&self) -> &str {
        let g = &self.gaz.get().inner;
        g.id(g.entity_of(self.name))
    }

    /// The kind of the matched entity.
    #[getter]
    fn kind(&self) -> &str {
        let g = &self.gaz.get().inner;
        g.kind(g.entity_of(self.name))
    }

    /// The gazetteer name (as given) that matched.
    #[getter]
    fn name(&self) -> &str {
        self.gaz.get().inner.name(self.name)
    }

    /// The entity's attributes, as a new dict.
    #[getter]
    fn attrs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        attrs_dict(py, &self.gaz.get().inner, self.entity())
    }

    fn __getitem__<'py>(&self, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = key.py();
        // as for a dict of str keys, a key of another type is simply not there
        let Ok(name) = key.cast::<PyString>() else {
            return Err(missing_key(key.clone().unbind()));
        };
        let key = name.to_str()?;
        match key {
            "start" => return Ok(self.start.into_pyobject(py)?.into_any()),
            "end" => return Ok(self.end.into_pyobject(py)?.into_any()),
            "text" => return Ok(self.text(py)?.into_any()),
            "id" => return Ok(PyString::new(py, self.id()).into_any()),
            "kind" => return Ok(PyString::new(py, self.kind()).into_any()),
            "name" => return Ok(PyString::new(py, self.name()).into_any()),
            _ => {}
        }
        match self.gaz.get().inner.attr(self.entity(), key) {
            Some(v) => attr_to_py(py, v),
            None => Err(missing_key(name.clone().unbind())),
        }
    }

    /// An attribute (or field) by name, `default` when absent.
    #[pyo3(signature = (key, default = None))]
    fn get<'py>(
        &self,
        key: &Bound<'py, PyAny>,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = key.py();
        match self.__getitem__(key) {
            Ok(v) => Ok(v),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(py) => {
                Ok(default.unwrap_or_else(|| py.None().into_bound(py)))
            }
            Err(e) => Err(e),
        }
    }

    /// start, end, id, kind, name, text and the attributes, as one dict.
    fn as_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("id", self.id())?;
        d.set_item("kind", self.kind())?;
        d.set_item("name", self.name())?;
        d.set_item("text", self.text(py)?)?;
        d.set_item("attrs", self.attrs(py)?)?;
        Ok(d)
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(o) = other.cast::<PyMatch>() else {
            return Ok(py.NotImplemented());
        };
        let o = o.get();
        let eq = self.start == o.start
            && self.end == o.end
            && self.id() == o.id()
            && self.name() == o.name()
            && self.text(py)?.as_any().eq(o.text(py)?)?;
        match op {
            CompareOp::Eq => Ok(PyBool::new(py, eq).to_owned().into_any().unbind()),
            CompareOp::Ne => Ok(PyBool::new(py, !eq).to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.start, self.end, self.id(), self.name()).hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Match(start={}, end={}, id={:?}, kind={:?}, name={:?}, text={:?})",
            self.start,
            self.end,
            self.id(),
            self.kind(),
            self.name(),
            self.text(py)?.to_cow()?
        ))
    }
}

/// Adds the gazetteer classes to `rasid._core`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGazetteer>()?;
    m.add_class::<PyMatch>()?;
    Ok(())
}
